using System.Collections.Immutable;
using ReSim.Testing.Compose.Loading;
using ReSim.Testing.Compose.Model;

namespace ReSim.Testing.Compose.Tests.Conformance;

/// <summary>A project folder on disk for one row: its files written, loaded with the public <see cref="ComposeLoader.LoadFile"/>.</summary>
internal sealed class ConformanceProject : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("resim-conformance-").FullName;

    public ConformanceProject Write(string relativePath, string text)
    {
        var path = Path.Combine(Folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    /// <summary>Loads <paramref name="main"/> on a system of 8 CPUs, 16 GiB and <paramref name="gpus"/> GPUs (IDs 0, 1, ...).</summary>
    public ComposeLoadResult Load(string main, IReadOnlyDictionary<string, string>? variables = null, string? profile = null, int gpus = 0) =>
        ComposeLoader.LoadFile(Path.Combine(Folder, main), new ComposeLoadOptions
        {
            Variables = variables ?? ImmutableDictionary<string, string>.Empty,
            Profile = profile,
            System = new SystemResources(8, 16L << 30, [.. Enumerable.Range(0, gpus).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))]),
        });

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
