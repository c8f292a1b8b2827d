namespace ReSim.Testing.Engine.Runtime;

/// <summary>The labels every Docker object of a run carries, so it can be found and removed.</summary>
public static class RunLabels
{
    /// <summary>Marks every object ReSim.Testing creates; value <c>true</c>.</summary>
    public const string Marker = "ai.resim.testing";

    /// <summary>The run's ID.</summary>
    public const string Run = "ai.resim.testing.run";

    /// <summary>The owning process's ID on <see cref="OwnerHost"/>; for people reading the engine, the orphan sweep does not use it.</summary>
    public const string OwnerProcess = "ai.resim.testing.owner.pid";

    /// <summary>The host name of the owning process; for people reading the engine, the orphan sweep does not use it.</summary>
    public const string OwnerHost = "ai.resim.testing.owner.host";

    /// <summary>The compose service a container runs.</summary>
    public const string Service = "ai.resim.testing.service";

    /// <summary>The role of the object: <c>sandbox</c>, <c>service</c> or <c>volume</c>.</summary>
    public const string Role = "ai.resim.testing.role";

    /// <summary>Marks the objects of a run kept for debugging after its verdict (value <c>true</c>), so a sweep can tell them from a run still in progress; they are removed as orphans once their owner process is gone.</summary>
    public const string Kept = "ai.resim.testing.kept";

    /// <summary>The labels that identify <paramref name="runId"/> and this process as its owner.</summary>
    /// <param name="runId">The run.</param>
    /// <returns>The marker, run, owner process and owner host labels.</returns>
    public static IReadOnlyDictionary<string, string> For(string runId) => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Marker] = "true",
        [Run] = runId,
        [OwnerProcess] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [OwnerHost] = Environment.MachineName,
    };
}
