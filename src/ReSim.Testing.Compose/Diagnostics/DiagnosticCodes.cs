namespace ReSim.Testing.Compose.Diagnostics;

/// <summary>The stable codes of every <see cref="Diagnostic"/> the loader reports; <c>docs/diagnostics.md</c> explains each.</summary>
public static class DiagnosticCodes
{
    /// <summary>The text is not well-formed YAML or JSON.</summary>
    public const string MalformedYaml = "RSIM001";

    /// <summary>The file is empty or holds only comments.</summary>
    public const string EmptyFile = "RSIM002";

    /// <summary>The file is not valid UTF-8.</summary>
    public const string NotUtf8 = "RSIM003";

    /// <summary>The input is larger than the loader accepts.</summary>
    public const string InputTooLarge = "RSIM004";

    /// <summary>YAML aliases expand to more nodes than the loader accepts (an alias bomb).</summary>
    public const string AliasExpansionLimit = "RSIM005";

    /// <summary>The YAML nests deeper than the loader accepts.</summary>
    public const string NestingTooDeep = "RSIM006";

    /// <summary>A file the loader was given or a compose file names (extends, env_file) does not exist.</summary>
    public const string FileNotFound = "RSIM007";

    /// <summary>A mapping declares the same key twice.</summary>
    public const string DuplicateKey = "RSIM008";

    /// <summary>The top level is not a mapping with a <c>services</c> mapping.</summary>
    public const string NoServices = "RSIM009";

    /// <summary>An interpolated variable is not set; it becomes an empty string (R2).</summary>
    public const string UnsetVariable = "RSIM010";

    /// <summary>A variable required with <c>${V:?message}</c> or <c>${V?message}</c> is missing (R2).</summary>
    public const string RequiredVariableMissing = "RSIM011";

    /// <summary>A <c>$</c> expression is not one of compose's interpolation forms.</summary>
    public const string InvalidInterpolation = "RSIM012";

    /// <summary><c>extends</c> names a service that does not exist.</summary>
    public const string ExtendsUnknownService = "RSIM013";

    /// <summary><c>extends</c> chains come back to a service already in the chain.</summary>
    public const string ExtendsCycle = "RSIM014";

    /// <summary>The file named by <c>extends.file</c> does not exist.</summary>
    public const string ExtendsFileMissing = "RSIM015";

    /// <summary>A file a compose file names (<c>env_file</c>, <c>extends.file</c>, <c>include</c>) is not a regular file: a directory, device, FIFO or socket.</summary>
    public const string NotARegularFile = "RSIM016";

    /// <summary><c>include</c> leads back to a file already being included.</summary>
    public const string IncludeCycle = "RSIM017";

    /// <summary>A value has the wrong YAML type, such as <c>command: 5</c>.</summary>
    public const string WrongType = "RSIM020";

    /// <summary>A value has the right type but is not allowed, such as <c>restart: sometimes</c>.</summary>
    public const string InvalidValue = "RSIM021";

    /// <summary>A service name has characters compose does not allow (only ASCII letters, digits, <c>.</c>, <c>_</c> and <c>-</c>).</summary>
    public const string InvalidServiceName = "RSIM022";

    /// <summary>A top-level volume name has characters compose does not allow (only ASCII letters, digits, <c>.</c>, <c>_</c> and <c>-</c>).</summary>
    public const string InvalidVolumeName = "RSIM023";

    /// <summary>A line of a <c>.env</c> or <c>env_file</c> file is not valid (compose-go's dotenv grammar).</summary>
    public const string DotEnvSyntax = "RSIM024";

    /// <summary><c>depends_on</c> leads back to the service itself.</summary>
    public const string DependencyCycle = "RSIM025";

    /// <summary>A key ReSim ignores; the file loads without it (R3).</summary>
    public const string IgnoredKey = "RSIM030";

    /// <summary>A top-level network other than <c>default</c> (R3).</summary>
    public const string CustomNetwork = "RSIM031";

    /// <summary>A service joins a network other than <c>default</c> (R3).</summary>
    public const string ServiceNetwork = "RSIM032";

    /// <summary>A service has <c>build</c> but no <c>image</c> (R3).</summary>
    public const string BuildWithoutImage = "RSIM033";

    /// <summary>A service has no <c>image</c> (R3).</summary>
    public const string MissingImage = "RSIM034";

    /// <summary>An image has no tag or the <c>latest</c> tag (R4).</summary>
    public const string UnpinnedImage = "RSIM040";

    /// <summary>No active service is a test orchestrator (R5).</summary>
    public const string NoOrchestrator = "RSIM050";

    /// <summary>The orchestrator label's value is neither true nor false (R5).</summary>
    public const string MalformedOrchestratorLabel = "RSIM051";

    /// <summary>A <c>resim.ai/</c> label that ReSim does not know, most likely a typo (R6).</summary>
    public const string UnknownResimLabel = "RSIM052";

    /// <summary>A test orchestrator has a restart policy, which ReSim ignores: an orchestrator is never restarted (R16).</summary>
    public const string OrchestratorRestart = "RSIM053";

    /// <summary><c>depends_on</c> names a service that does not exist (R8).</summary>
    public const string DependsOnUnknownService = "RSIM060";

    /// <summary><c>depends_on</c> names a service that the profile does not activate (R8).</summary>
    public const string DependsOnInactiveService = "RSIM061";

    /// <summary>A service mounts a named volume that the top-level <c>volumes</c> does not declare (R10).</summary>
    public const string UndeclaredVolume = "RSIM062";

    /// <summary><c>depends_on</c> waits for <c>service_healthy</c> of a service without a health check in the file (R15).</summary>
    public const string HealthyDependencyWithoutHealthcheck = "RSIM063";

    /// <summary><c>network_mode</c>, <c>ipc</c>, <c>pid</c> (<c>service:NAME</c>) or <c>volumes_from</c> names a service that does not exist.</summary>
    public const string UnknownServiceReference = "RSIM064";

    /// <summary>Two active services declare the same container port (R12).</summary>
    public const string PortClash = "RSIM070";

    /// <summary>The CPU reservations of the active services reach or exceed the system's CPUs (R13).</summary>
    public const string CpuOverReserved = "RSIM080";

    /// <summary>The memory reservations of the active services reach or exceed the system's memory (R13).</summary>
    public const string MemoryOverReserved = "RSIM081";

    /// <summary>The GPU reservations of the active services exceed or share the system's GPUs (R13).</summary>
    public const string GpuOverReserved = "RSIM082";

    /// <summary>A bind mount of a host path: mounted locally, but the platform has none of the user's host paths.</summary>
    public const string BindMount = "RSIM090";

    /// <summary>The loader met a problem it did not expect; a bug to report.</summary>
    public const string InternalError = "RSIM099";
}
