using ReSim.Testing.Compose.Loading.Documents;
using ReSim.Testing.Compose.Loading.FileSystem;
using ReSim.Testing.Compose.Loading.Pipeline;

namespace ReSim.Testing.Compose.Loading;

/// <summary>Loads a compose file (YAML or JSON) into a <see cref="Model.ComposeModel"/> with ReSim-compatibility diagnostics.</summary>
/// <remarks>
/// Never throws on bad user input: every problem is a <see cref="Diagnostics.Diagnostic"/> in the result.
/// Stages: parse, interpolate, extends and merge, normalize, validate, bind. Relative paths (<c>extends.file</c>,
/// <c>env_file</c>, bind mounts) resolve against the folder of the file that names them; the main file's folder is
/// <see cref="ComposeLoadOptions.WorkingDirectory"/> when given. The model is <see langword="null"/> when an error
/// comes before the validate stage (the file could not be read or understood); errors of the validate stage (R5,
/// R8, R13 ...) keep the model so that tools can show it, and still forbid a run.
/// </remarks>
public static class ComposeLoader
{
    private static readonly ComposePipeline Pipeline = new(PhysicalComposeFileSystem.Instance, LoadLimits.Default);

    /// <summary>Loads the compose file at <paramref name="path"/>.</summary>
    /// <param name="path">The compose file, absolute or relative to the current directory.</param>
    /// <param name="options">Profile, variables, working directory and system; defaults when <see langword="null"/>.</param>
    /// <returns>The model and the diagnostics.</returns>
    public static ComposeLoadResult LoadFile(string path, ComposeLoadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return LoadFile(Pipeline, path, options ?? new ComposeLoadOptions());
    }

    /// <summary>Loads compose content given as a string, as the platform's <c>buildSpecification</c> field takes it (R1).</summary>
    /// <param name="content">The YAML or JSON text.</param>
    /// <param name="options">Profile, variables, working directory and system; defaults when <see langword="null"/>.</param>
    /// <returns>The model and the diagnostics.</returns>
    public static ComposeLoadResult LoadString(string content, ComposeLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        return LoadString(Pipeline, content, options ?? new ComposeLoadOptions());
    }

    /// <summary>Loads the compose file at <paramref name="path"/> through <paramref name="pipeline"/>, whose file access and limits may be other than this machine's.</summary>
    internal static ComposeLoadResult LoadFile(ComposePipeline pipeline, string path, ComposeLoadOptions options) =>
        ToResult(pipeline.LoadFile(path, ToPipelineOptions(options)));

    /// <summary>Loads compose content through <paramref name="pipeline"/>, whose file access and limits may be other than this machine's.</summary>
    internal static ComposeLoadResult LoadString(ComposePipeline pipeline, string content, ComposeLoadOptions options) =>
        ToResult(pipeline.LoadString(content, options.SourceName, ToPipelineOptions(options)));

    private static PipelineOptions ToPipelineOptions(ComposeLoadOptions options) =>
        new(options.Profile, options.Variables, options.WorkingDirectory, options.System);

    private static ComposeLoadResult ToResult(PipelineResult result) => new(result.Model, result.Diagnostics);
}
