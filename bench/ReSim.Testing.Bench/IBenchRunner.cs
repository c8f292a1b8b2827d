namespace ReSim.Testing.Bench;

/// <summary>One way of running the benchmark experience to its verdict and a full teardown.</summary>
internal interface IBenchRunner
{
    /// <summary>The name shown in the report.</summary>
    string Name { get; }

    /// <summary>Runs the experience once; throws when it did not pass, so a broken runner is never timed.</summary>
    /// <param name="iteration">The iteration number, for unique project and object names.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>A task that completes after the verdict and the teardown.</returns>
    Task RunOnceAsync(int iteration, CancellationToken cancellationToken);
}
