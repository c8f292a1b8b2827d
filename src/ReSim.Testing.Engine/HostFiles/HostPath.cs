namespace ReSim.Testing.Engine.HostFiles;

/// <summary>Resolves a host path the way the kernel does when it mounts it: every link followed, each <c>..</c> applied after the links before it.</summary>
/// <remarks>
/// <see cref="Path.GetFullPath(string)"/> removes <c>..</c> by text, so <c>/tmp/link/..</c> (with <c>link</c> pointing at
/// <c>/etc/ssl</c>) reads <c>/tmp</c> though the kernel reaches <c>/etc</c>; this walks the path one name at a time instead.
/// A name that does not exist ends the following of links: the rest is appended as written. On Windows the full path is
/// returned as it is.
/// </remarks>
public static class HostPath
{
    // The kernel's own limit on links followed in one path (MAXSYMLINKS).
    private const int MaxLinks = 40;

    /// <summary>The path <paramref name="path"/> really names.</summary>
    /// <param name="path">An absolute host path.</param>
    /// <returns>The absolute path with no link, <c>.</c> or <c>..</c> in it.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is not absolute.</exception>
    /// <exception cref="IOException">More than 40 links, or a link or folder on the way cannot be read.</exception>
    public static string Resolve(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!Path.IsPathFullyQualified(path))
        {
            throw new ArgumentException($"'{path}' is not an absolute path.", nameof(path));
        }

        if (OperatingSystem.IsWindows())
        {
            return Path.GetFullPath(path);
        }

        var pending = new Stack<string>(Enumerable.Reverse(path.Split('/')));
        var resolved = new List<string>();
        var links = 0;
        while (pending.TryPop(out var name))
        {
            if (name is "" or ".")
            {
                continue;
            }

            if (name == "..")
            {
                if (resolved.Count > 0)
                {
                    resolved.RemoveAt(resolved.Count - 1);
                }

                continue;
            }

            var candidate = Join(resolved.Append(name));
            if (HostFile.KindOf(candidate) != HostFileKind.SymbolicLink)
            {
                resolved.Add(name);
                continue;
            }

            if (++links > MaxLinks)
            {
                throw new IOException($"'{path}' goes through more than {MaxLinks} symbolic links.");
            }

            var target = new FileInfo(candidate).LinkTarget ?? throw new IOException($"The link '{candidate}' cannot be read.");
            if (target.StartsWith('/'))
            {
                resolved.Clear();
            }

            foreach (var part in Enumerable.Reverse(target.Split('/')))
            {
                pending.Push(part);
            }
        }

        return Join(resolved);
    }

    private static string Join(IEnumerable<string> names) => "/" + string.Join('/', names);
}
