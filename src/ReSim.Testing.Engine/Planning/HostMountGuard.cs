using ReSim.Testing.Engine.HostFiles;

namespace ReSim.Testing.Engine.Planning;

/// <summary>Decides whether a host path may be bind-mounted into a container, once the user has opted in to host mounts.</summary>
/// <remarks>
/// Refused whatever the opt-in says, judged on the path the kernel would mount (links and <c>..</c> resolved, see
/// <see cref="HostPath"/>): the host's root; <c>/proc</c>, <c>/sys</c> and <c>/dev</c> and anything under them; a container
/// engine's socket (Docker's, Podman's, the <c>DOCKER_HOST</c> one, any Unix socket or <c>*.sock</c>), its data folder, and
/// any folder that holds one of them, since whoever reaches an engine's socket controls every container on the machine.
/// </remarks>
internal static class HostMountGuard
{
    private static readonly string[] KernelTrees = ["/proc", "/sys", "/dev"];

    private static readonly string[] EnginePaths =
    [
        "/var/run/docker.sock", "/run/docker.sock", "/run/podman", "/var/run/podman", "/run/containerd", "/var/lib/docker", "/var/lib/containers",
    ];

    /// <summary>Checks <paramref name="hostPath"/>.</summary>
    /// <param name="hostPath">The absolute host path as the compose file wrote it (resolved against the file's folder).</param>
    /// <param name="resolved">The path to mount: <paramref name="hostPath"/> with every link and <c>..</c> resolved.</param>
    /// <returns>Why the path is refused, as a sentence fragment; <see langword="null"/> when it may be mounted.</returns>
    public static string? Refusal(string hostPath, out string resolved)
    {
        resolved = hostPath;
        string real;
        HostFileKind kind;
        try
        {
            real = HostPath.Resolve(hostPath);
            kind = HostFile.KindOf(real);
        }
        catch (IOException e)
        {
            return $"'{hostPath}' cannot be examined ({e.Message})";
        }

        resolved = real;

        var shown = real == hostPath ? $"'{hostPath}'" : $"'{hostPath}' (which is '{real}')";
        if (real == "/")
        {
            return $"{shown} is the host's root folder, which is never mounted";
        }

        if (KernelTrees.FirstOrDefault(tree => IsSameOrUnder(real, tree)) is { } kernel)
        {
            return $"{shown} is in {kernel}, the host's kernel and device files, which are never mounted";
        }

        if (kind == HostFileKind.Socket || real.EndsWith(".sock", StringComparison.Ordinal))
        {
            return $"{shown} is a socket, which is never mounted: an engine's socket gives a container control of every container on the machine";
        }

        if (EngineFiles().FirstOrDefault(engine => IsSameOrUnder(real, engine) || IsSameOrUnder(engine, real)) is { } found)
        {
            return $"{shown} is or holds the container engine's {found}, which is never mounted: it gives a container control of every container on the machine";
        }

        return kind == HostFileKind.Missing ? $"{shown} does not exist; create it or fix the path" : null;
    }

    // The engine's paths as they are on this host (links resolved), with the socket DOCKER_HOST names and the rootless ones.
    private static IEnumerable<string> EngineFiles()
    {
        var paths = new List<string>(EnginePaths);
        if (Environment.GetEnvironmentVariable("DOCKER_HOST") is { } dockerHost && dockerHost.StartsWith("unix://", StringComparison.Ordinal))
        {
            paths.Add(dockerHost["unix://".Length..]);
        }

        if (Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR") is { Length: > 0 } runtimeDir && Path.IsPathFullyQualified(runtimeDir))
        {
            paths.Add(Path.Combine(runtimeDir, "docker.sock"));
            paths.Add(Path.Combine(runtimeDir, "podman"));
        }

        return paths.Where(Path.IsPathFullyQualified).SelectMany(p => new[] { p, TryResolve(p) }).Distinct(StringComparer.Ordinal);
    }

    private static string TryResolve(string path)
    {
        try
        {
            return HostPath.Resolve(path);
        }
        catch (IOException)
        {
            return path;
        }
    }

    private static bool IsSameOrUnder(string path, string folder) =>
        path == folder || path.StartsWith(folder.TrimEnd('/') + "/", StringComparison.Ordinal);
}
