using System.Globalization;
using System.Runtime.CompilerServices;
using ReSim.Testing.Discovery;
using ReSim.Testing.Engine.Settings;
using Xunit;
using Xunit.v3;

namespace ReSim.Testing;

/// <summary>
/// Marks a test method that runs a docker-compose file as a ReSim experience and passes when the platform
/// would pass it. The method body is optional: it runs after a passed experience, with no parameters or
/// with one <see cref="Engine.Results.ExperienceResult"/> parameter for extra assertions.
/// </summary>
/// <remarks>
/// <para>Relative paths (<see cref="ComposeFile"/>, <see cref="Inputs"/>) are relative to the test project's folder.</para>
/// <para>
/// <see cref="Profile"/> and <see cref="Profiles"/> together give one test case per distinct profile, each with
/// its own display name, unique ID and <c>Profile</c> trait; with neither, one case runs the services without
/// profiles (R8). xUnit allows one Fact-derived attribute per method, so list several profiles here rather than
/// repeating the attribute.
/// </para>
/// </remarks>
/// <param name="composeFile">The compose file (R1), relative to the test project's folder or absolute.</param>
/// <param name="sourceFilePath">Provided by the compiler; do not pass a value.</param>
/// <param name="sourceLineNumber">Provided by the compiler; do not pass a value.</param>
[XunitTestCaseDiscoverer(typeof(ComposeExperienceDiscoverer))]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ComposeExperienceAttribute(
    string composeFile,
    [CallerFilePath] string? sourceFilePath = null,
    [CallerLineNumber] int sourceLineNumber = -1) : FactAttribute(sourceFilePath, sourceLineNumber), IExperienceTestSource
{
    private int? timeoutSeconds;

    /// <summary>The platform's default experience timeout, in seconds (one hour).</summary>
    public const int DefaultTimeoutSeconds = 3600;

    /// <summary>The compose file, as written in the attribute.</summary>
    public string ComposeFile { get; } = composeFile;

    /// <summary>The experience's profile (R8); combined with <see cref="Profiles"/>.</summary>
    public string? Profile { get; set; }

    /// <summary>Several profiles: one test case each (R8).</summary>
    // CA1819: attribute arguments can only be arrays; the attribute is never mutated after construction.
#pragma warning disable CA1819
    public string[]? Profiles { get; set; }

    /// <summary>Experience-level environment variables as <c>KEY=VALUE</c>, set in every service and winning over the compose file's (R9).</summary>
    public string[]? Environment { get; set; }

    /// <summary>The IDs of the system's GPUs (R7, R13), such as <c>"0"</c> or <c>"GPU-3f2a..."</c>; each goes to one service. Default none.</summary>
    public string[]? SystemGpus { get; set; }
#pragma warning restore CA1819

    /// <summary>A folder mounted read-only at <c>/tmp/resim/inputs</c> in every service (R11), relative to the test project's folder or absolute.</summary>
    public string? Inputs { get; set; }

    /// <summary>How long the experience may run before it fails with a timeout (R18); default one hour, as on the platform.</summary>
    /// <remarks>Unless set here, <c>RESIM_TIMEOUT_SECONDS</c> gives it for every experience of the run.</remarks>
    public int TimeoutSeconds
    {
        get => timeoutSeconds ?? DefaultTimeoutSeconds;
        set => timeoutSeconds = value;
    }

    /// <summary>The system's CPUs (R7, R13), which the services' CPU reservations must fit in; 0 (the default) means this machine's.</summary>
    public double SystemCpus { get; set; }

    /// <summary>
    /// Mounts the compose file's host bind mounts (<c>./data:/data</c>) for local runs; by default they are left out, as
    /// the ReSim platform has no host paths (RSIM090), so put input files in <see cref="Inputs"/> or use named volumes.
    /// </summary>
    /// <remarks>Even with this set, the host's <c>/</c>, <c>/proc</c>, <c>/sys</c>, <c>/dev</c> and the container engine's
    /// socket are refused: the test fails before any container starts, naming the service and the path.</remarks>
    public bool AllowHostMounts { get; set; }

    /// <summary>
    /// Leaves the experience's containers running after the verdict so you can <c>docker exec</c> into them; the test output
    /// names each container and the command that removes them. Also switched on for every experience by the
    /// <c>RESIM_KEEP_CONTAINERS=1</c> environment variable. Kept containers are removed by a later run once this test
    /// process has ended. Default <see langword="false"/>: everything is torn down (R19).
    /// </summary>
    public bool KeepContainers { get; set; }

    /// <summary>The system's memory (R7, R13) as a compose size such as <c>"16g"</c>; <see langword="null"/> (the default) means this machine's.</summary>
    public string? SystemMemory { get; set; }

    /// <inheritdoc />
    IReadOnlyList<string>? IExperienceTestSource.Profiles => Profiles;

    /// <inheritdoc />
    ExperienceSettingsText IExperienceTestSource.SettingsText() => new()
    {
        Environment = [.. Environment ?? []],
        Inputs = Inputs,
        TimeoutSeconds = timeoutSeconds?.ToString(CultureInfo.InvariantCulture),
        SystemCpus = SystemCpus == 0 ? null : SystemCpus.ToString("R", CultureInfo.InvariantCulture),
        SystemMemory = SystemMemory,
        SystemGpus = [.. SystemGpus ?? []],
        AllowHostMounts = AllowHostMounts ? "true" : null,
        KeepContainers = KeepContainers ? "true" : null,
    };
}
