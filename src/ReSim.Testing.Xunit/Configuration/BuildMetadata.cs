using System.Reflection;

namespace ReSim.Testing.Configuration;

/// <summary>What the package's <c>buildTransitive/ReSim.Testing.Xunit.props</c> recorded in the test assembly at build time (<see cref="AssemblyMetadataAttribute"/>).</summary>
internal static class BuildMetadata
{
    /// <summary>The value recorded under <paramref name="key"/>; the last one when the key was recorded more than once.</summary>
    /// <param name="testAssembly">The test assembly.</param>
    /// <param name="key">The metadata key, such as <c>ReSim.Testing.ProjectDirectory</c>.</param>
    /// <returns>The value, or <see langword="null"/> when none was recorded.</returns>
    public static string? Value(Assembly testAssembly, string key) =>
        testAssembly.GetCustomAttributes<AssemblyMetadataAttribute>().LastOrDefault(a => string.Equals(a.Key, key, StringComparison.Ordinal))?.Value;
}
