namespace ReSim.Testing.Compose.Loading;

/// <summary>Loads a compose file (YAML or JSON) into a <see cref="Model.ComposeModel"/> with ReSim-compatibility diagnostics.</summary>
/// <remarks>
/// Never throws on bad user input: every problem is a <see cref="Diagnostics.Diagnostic"/> in the result.
/// Stages: parse, interpolate, extends and merge, normalize, validate, bind.
/// </remarks>
public static class ComposeLoader
{
    /// <summary>Loads the compose file at <paramref name="path"/>.</summary>
    /// <param name="path">The compose file, absolute or relative to the current directory.</param>
    /// <param name="options">Profile, variables, working directory and system; defaults when <see langword="null"/>.</param>
    /// <returns>The model and the diagnostics.</returns>
    public static ComposeLoadResult LoadFile(string path, ComposeLoadOptions? options = null) =>
        throw new NotImplementedException();

    /// <summary>Loads compose content given as a string, as the platform's <c>buildSpecification</c> field takes it (R1).</summary>
    /// <param name="content">The YAML or JSON text.</param>
    /// <param name="options">Profile, variables, working directory and system; defaults when <see langword="null"/>.</param>
    /// <returns>The model and the diagnostics.</returns>
    public static ComposeLoadResult LoadString(string content, ComposeLoadOptions? options = null) =>
        throw new NotImplementedException();
}
