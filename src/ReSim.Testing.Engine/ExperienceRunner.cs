using System.Globalization;
using ReSim.Testing.Compose.Loading;
using ReSim.Testing.Engine.Docker;
using ReSim.Testing.Engine.Launch;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Planning;
using ReSim.Testing.Engine.Results;
using ReSim.Testing.Engine.Running;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine;

/// <summary>
/// The one way to run experiences, which every front end takes: load a compose file for its profile and system (R3, R8,
/// R13), stop on its errors without contacting the engine, run the experience on a container runtime and give the verdict
/// the ReSim platform would give.
/// </summary>
/// <remarks>
/// <para>Holds no run state of its own: several experiences may run at once on one runner and one engine, each with its
/// own run ID, names and labels. The runtime is an <see cref="IContainerRuntime"/>, so the same runner drives the Docker
/// engine or a scripted runtime in tests; <see cref="Shared"/> runs on one Docker engine connection for the whole process.</para>
/// <para>Every run is torn down (R19) however it ends: its verdict, an error, the caller's cancellation, or SIGINT,
/// SIGTERM, SIGQUIT or SIGHUP to the process or the process's exit, which cancel every live run and let the process end
/// only once they are torn down.</para>
/// </remarks>
public sealed class ExperienceRunner
{
    private static readonly Lazy<IContainerRuntime> SharedDocker = new(() => new DockerRuntime(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Lazy<IContainerRuntime> runtime;
    private readonly TimeProvider time;

    /// <summary>Creates a runner over <paramref name="runtime"/>.</summary>
    /// <param name="runtime">The container runtime; the caller keeps ownership.</param>
    public ExperienceRunner(IContainerRuntime runtime)
        : this(runtime, TimeProvider.System)
    {
    }

    /// <summary>Creates a runner over <paramref name="runtime"/> with its own clock.</summary>
    /// <param name="runtime">The container runtime; the caller keeps ownership.</param>
    /// <param name="timeProvider">The clock for timestamps, the timeout, back-offs and metrics sampling.</param>
    public ExperienceRunner(IContainerRuntime runtime, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(timeProvider);
        this.runtime = new Lazy<IContainerRuntime>(runtime);
        time = timeProvider;
    }

    private ExperienceRunner(Lazy<IContainerRuntime> runtime)
    {
        this.runtime = runtime;
        time = TimeProvider.System;
    }

    /// <summary>The runner over the local Docker engine (DOCKER_HOST, the current Docker context, or the platform default),
    /// shared by the whole process, so the engine is connected once.</summary>
    public static ExperienceRunner Shared { get; } = new(SharedDocker);

    /// <summary>
    /// Where the results folders of runs whose settings name none (<see cref="ExperienceSettings.ResultsDirectory"/>) go,
    /// one folder per run: <c>&lt;temp&gt;/resim-testing-&lt;user&gt;</c>, per user since <c>/tmp</c> is shared on Linux.
    /// </summary>
    public static string DefaultResultsRoot => RunPaths.DefaultResultsRoot;

    /// <summary>Loads the request's compose file and builds its experience, without running anything.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The diagnostics, and the experience when the file has no error.</returns>
    public static LoadedExperience Load(ExperienceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = new ComposeLoadOptions { Profile = request.Profile, System = request.Settings.System };
        return FromLoad(request, ComposeLoader.LoadFile(Path.GetFullPath(request.ComposeFile), options));
    }

    /// <summary>Builds the request's experience from a compose file already loaded, for a front end that loads it its own way.</summary>
    /// <param name="request">The request.</param>
    /// <param name="load">What loading the request's compose file, for its profile and system, gave.</param>
    /// <returns>The diagnostics, and the experience when the file has no error.</returns>
    public static LoadedExperience FromLoad(ExperienceRequest request, ComposeLoadResult load)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(load);
        var experience = load.HasErrors || load.Model is null ? null : new Experience { Compose = load.Model, Settings = request.Settings };
        return new LoadedExperience(request, load, experience);
    }

    /// <summary>Runs <paramref name="experience"/> to its verdict and removes everything it created on the engine (R19).</summary>
    /// <param name="experience">The experience.</param>
    /// <param name="observer">Receives live log lines and state changes; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the run; everything is still torn down, then <see cref="OperationCanceledException"/> is thrown.</param>
    /// <returns>The verdict, the reason, per-service records and the paths of logs, metrics, timeline and outputs.
    /// Infrastructure problems (no engine, a missing image, too few GPUs) give <see cref="ExperienceVerdict.Error"/>, not an exception.</returns>
    public async Task<ExperienceResult> RunAsync(Experience experience, IExperienceObserver? observer = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(experience);
        try
        {
            return await ProcessTermination.RunAsync(token => ExperienceRun.RunAsync(runtime.Value, time, experience, observer, token), cancellationToken).ConfigureAwait(false);
        }
        catch (ExperienceInfrastructureException e)
        {
            // The engine could not even be addressed (a bad DOCKER_HOST, an unreadable context): nothing was created.
            return RunResults.NotRun(e.Message, experience.Settings);
        }
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
    /// <returns>The result, with the compose diagnostics; <see cref="ExperienceVerdict.Error"/> without contacting the engine when the file has errors.</returns>
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

        var result = await RunAsync(loaded.Experience, observer, cancellationToken).ConfigureAwait(false);
        return result with { Diagnostics = [.. loaded.Load.Diagnostics.Concat(result.Diagnostics).Distinct()] };
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
        return RunResults.NotRun(message, loaded.Request.Settings) with { Diagnostics = loaded.Load.Diagnostics };
    }
}
