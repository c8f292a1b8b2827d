using System.Collections.Immutable;
using System.Globalization;
using ReSim.Testing.Compose.Loading;
using ReSim.Testing.Engine.Docker;
using ReSim.Testing.Engine.Planning;
using ReSim.Testing.Engine.Results;
using ReSim.Testing.Engine.Running;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine.Launch;

/// <summary>
/// The one pipeline every front end runs: load the compose file for the profile and the system (R3, R8, R13), stop on
/// errors without contacting Docker, build the <see cref="Experience"/>, run it, and turn infrastructure problems into an
/// <see cref="ExperienceVerdict.Error"/> result.
/// </summary>
/// <remarks>
/// Thread-safe: several experiences may run at once on one launcher. <see cref="Shared"/> runs on one
/// <see cref="DockerRuntime"/> for the whole process, created on first use, so the engine is connected once.
/// </remarks>
public sealed class ExperienceLauncher
{
    private static readonly Lazy<IContainerRuntime> SharedDocker = new(() => new DockerRuntime(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Lazy<IContainerRuntime> runtime;

    /// <summary>Creates a launcher over <paramref name="runtime"/>.</summary>
    /// <param name="runtime">The container runtime; the caller keeps ownership.</param>
    public ExperienceLauncher(IContainerRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        this.runtime = new Lazy<IContainerRuntime>(runtime);
    }

    private ExperienceLauncher(Lazy<IContainerRuntime> runtime) => this.runtime = runtime;

    /// <summary>The launcher over the local Docker engine (DOCKER_HOST or the platform default), shared by the whole process.</summary>
    public static ExperienceLauncher Shared { get; } = new(SharedDocker);

    /// <summary>Loads the request's compose file and builds its experience, without running anything.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The diagnostics, and the experience when the file has no error.</returns>
    public static LoadedExperience Load(ExperienceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return FromLoad(request, ComposeLoader.LoadFile(Path.GetFullPath(request.ComposeFile), new ComposeLoadOptions { Profile = request.Profile, System = request.System }));
    }

    /// <summary>Builds the request's experience from a compose file already loaded, for a front end that loads it its own way.</summary>
    /// <param name="request">The request.</param>
    /// <param name="load">What loading the request's compose file, for its profile and system, gave.</param>
    /// <returns>The diagnostics, and the experience when the file has no error.</returns>
    public static LoadedExperience FromLoad(ExperienceRequest request, ComposeLoadResult load)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(load);
        if (load.HasErrors || load.Model is null)
        {
            return new LoadedExperience(request, load, null);
        }

        var experience = new Experience
        {
            Compose = load.Model,
            Name = request.Name,
            Environment = request.Environment,
            InputsDirectory = request.InputsDirectory,
            Timeout = request.Timeout,
            System = request.System,
            StopGracePeriod = request.StopGracePeriod,
            ResultsDirectory = request.ResultsDirectory,
            PullPolicy = request.PullPolicy,
            AllowHostMounts = request.AllowHostMounts,
            ResultsRetention = request.ResultsRetention,
            KeepContainers = request.KeepContainers,
        };
        return new LoadedExperience(request, load, experience);
    }

    /// <summary>Loads and runs <paramref name="request"/> to its verdict; everything it created on the engine is removed (R19).</summary>
    /// <param name="request">The request.</param>
    /// <param name="observer">Receives live log lines and state changes; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the run; everything is still torn down, then <see cref="OperationCanceledException"/> is thrown.</param>
    /// <returns>The result, with the compose diagnostics. A compose file with errors, no engine or a missing image give
    /// <see cref="ExperienceVerdict.Error"/>, not an exception.</returns>
    public Task<ExperienceResult> RunAsync(ExperienceRequest request, IExperienceObserver? observer = null, CancellationToken cancellationToken = default) =>
        RunAsync(Load(request), observer, cancellationToken);

    /// <summary>Runs an experience <see cref="Load"/> gave, for a front end that reports the warnings before the run.</summary>
    /// <param name="loaded">The loaded experience.</param>
    /// <param name="observer">Receives live log lines and state changes; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the run; everything is still torn down, then <see cref="OperationCanceledException"/> is thrown.</param>
    /// <returns>The result, with the compose diagnostics; <see cref="ExperienceVerdict.Error"/> without contacting Docker when the file has errors.</returns>
    /// <remarks>
    /// SIGINT, SIGTERM, SIGQUIT or SIGHUP to the process, or its exit, cancel the run as <paramref name="cancellationToken"/>
    /// would, and the process ends only once the run is torn down (<see cref="ProcessTermination"/>).
    /// </remarks>
    public async Task<ExperienceResult> RunAsync(LoadedExperience loaded, IExperienceObserver? observer = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        if (loaded.Experience is null)
        {
            var errors = loaded.Load.Errors.Count();
            var message = string.Create(
                CultureInfo.InvariantCulture,
                $"The compose file {Path.GetFullPath(loaded.Request.ComposeFile)} has {errors} error(s) (see the diagnostics); fix them and run again. No container was started.");
            return NotRun(loaded, message);
        }

        try
        {
            var result = await ProcessTermination.RunAsync(
                token => new ExperienceRunner(runtime.Value).RunAsync(loaded.Experience, observer, token), cancellationToken).ConfigureAwait(false);
            return result with { Diagnostics = [.. loaded.Load.Diagnostics.Concat(result.Diagnostics).Distinct()] };
        }
        catch (ExperienceInfrastructureException e)
        {
            return NotRun(loaded, e.Message);
        }
    }

    /// <summary>
    /// Registers how a front end reports experiences that a signal (SIGINT, SIGTERM, SIGQUIT, SIGHUP) ended, for a host
    /// that may end without showing what the front end logs: MSBuild, cancelling on Ctrl+C, can drop a task's error, and
    /// the <c>dotnet</c> CLI running MSBuild exits 0 on SIGTERM, printing nothing.
    /// </summary>
    /// <param name="report">Told the signal's name (such as <c>SIGTERM</c>) once the experiences it ended are torn down; it
    /// should write where the user looks (standard error).</param>
    /// <returns>The registration, whose <see cref="SignalReport.Signal"/> tells when a signal is ending the experiences;
    /// dispose it to unregister.</returns>
    /// <remarks>
    /// While a report is registered, such a signal ends every running experience and calls the report; after SIGTERM,
    /// SIGQUIT or SIGHUP the process then ends with 128 + the signal's number. After SIGINT (Ctrl+C) the host goes on
    /// cancelling as usual.
    /// </remarks>
    public static SignalReport ReportSignalEndings(Action<string> report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return ProcessTermination.ReportSignals(report);
    }

    private static ExperienceResult NotRun(LoadedExperience loaded, string message)
    {
        var runId = RunPlanner.NewRunId();
        return RunResults.Error(runId, message, TimeSpan.Zero, loaded.Request.ResultsDirectory ?? Path.Combine(ExperienceRunner.DefaultResultsRoot, runId)) with
        {
            Diagnostics = loaded.Load.Diagnostics,
        };
    }
}
