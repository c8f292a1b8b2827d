using System.Reflection;

namespace ReSim.Testing.Configuration;

/// <summary>Finds a test assembly's <see cref="IExperienceOptions"/>: the attribute on it that gives them, if any.</summary>
internal static class AssemblyOptions
{
    /// <summary>The default of <see cref="IExperienceOptions.MaxAttachedOutputBytes"/>: 8 MiB.</summary>
    public const long DefaultMaxAttachedOutputBytes = 8L * 1024 * 1024;

    /// <summary>The options on <paramref name="testAssembly"/>.</summary>
    /// <param name="testAssembly">The test assembly.</param>
    /// <returns>The options, or <see langword="null"/> when the assembly sets none.</returns>
    public static IExperienceOptions? Of(Assembly testAssembly) =>
        testAssembly.GetCustomAttributes().OfType<IExperienceOptions>().FirstOrDefault();

    /// <summary>The most bytes of the outputs folder attached to a test result in <paramref name="testAssembly"/>.</summary>
    /// <param name="testAssembly">The test assembly.</param>
    /// <returns>The assembly's setting, or <see cref="DefaultMaxAttachedOutputBytes"/>.</returns>
    public static long MaxAttachedOutputBytes(Assembly testAssembly) => Of(testAssembly)?.MaxAttachedOutputBytes ?? DefaultMaxAttachedOutputBytes;
}
