using System.Formats.Tar;
using System.Globalization;
using System.Security.Cryptography;
using Docker.DotNet;
using Docker.DotNet.Models;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine.Docker;

/// <summary>Makes the sandbox image offline: <see cref="PauseProgram"/> in a tar built in memory, imported into the engine (R12).</summary>
/// <remarks>
/// The tag carries a hash of the program, so an engine that already has it skips the import, and a changed program gets a
/// new tag. The image is a shared cache, not an object of a run: it carries the role label but not the run marker, and is
/// never removed by <see cref="DockerRuntime.RemoveRunAsync"/> or <see cref="DockerRuntime.RemoveOrphansAsync"/>.
/// </remarks>
internal static class SandboxImage
{
    /// <summary>The repository the sandbox image is tagged in.</summary>
    internal const string Repository = "resim-testing/sandbox";

    /// <summary>The path of the program inside the image.</summary>
    internal const string ProgramPath = "/pause";

    /// <summary>The tag of the sandbox image for <paramref name="architecture"/> and <paramref name="program"/>.</summary>
    /// <param name="architecture">The engine's architecture.</param>
    /// <param name="program">The program's bytes.</param>
    /// <returns>Such as <c>resim-testing/sandbox:amd64-0123456789ab</c>.</returns>
    internal static string TagFor(string architecture, byte[] program) =>
        $"{Repository}:{architecture}-{string.Concat(SHA256.HashData(program).Take(6).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)))}";

    /// <summary>A tar stream holding only <see cref="ProgramPath"/>, executable, with fixed owner and time so it is reproducible.</summary>
    /// <param name="program">The program's bytes.</param>
    /// <returns>The tar, positioned at its start.</returns>
    internal static MemoryStream Tar(byte[] program)
    {
        var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Ustar, leaveOpen: true))
        {
            using var content = new MemoryStream(program, writable: false);
            writer.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, ProgramPath.TrimStart('/'))
            {
                Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                    | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute,
                ModificationTime = DateTimeOffset.UnixEpoch,
                DataStream = content,
            });
        }

        tar.Position = 0;
        return tar;
    }

    /// <summary>Makes sure the engine has the sandbox image for its architecture, importing it if not.</summary>
    /// <param name="client">The engine.</param>
    /// <param name="engine">What the engine does differently: where it files images made on it.</param>
    /// <param name="architecture">The engine's architecture, from its version.</param>
    /// <param name="cancellationToken">Cancels the import.</param>
    /// <returns>The image's tag.</returns>
    internal static async Task<string> EnsureAsync(DockerClient client, EngineCapabilities engine, string architecture, CancellationToken cancellationToken)
    {
        var program = PauseProgram.For(architecture) ?? throw new ExperienceInfrastructureException(
            $"The Docker engine runs on '{architecture}', for which ReSim.Testing has no sandbox program (it has amd64 and arm64). " +
            "Use an engine on one of those architectures.");
        var tag = engine.LocalImage(TagFor(architecture, program));
        if (await ImagePuller.ExistsAsync(client, tag, cancellationToken).ConfigureAwait(false))
        {
            return tag;
        }

        using var tar = Tar(program);
        var messages = new MessageCollector();
        await client.Images.CreateImageAsync(
            new ImagesCreateParameters
            {
                // The whole reference goes in `repo`, as the Docker CLI sends it: Podman ignores a separate `tag` on import
                // and would tag the image `latest`.
                Repo = tag,
                Changes = [$"ENTRYPOINT [\"{ProgramPath}\"]", $"LABEL {RunLabels.Role}=sandbox-image"],
                Message = "ReSim.Testing network sandbox (R12)",
            },
            tar,
            authConfig: null,
            messages,
            cancellationToken).ConfigureAwait(false);
        if (!await ImagePuller.ExistsAsync(client, tag, cancellationToken).ConfigureAwait(false))
        {
            throw new ExperienceInfrastructureException(
                $"The Docker engine did not import the sandbox image {tag}: {messages.FirstError ?? "no reason given"}.");
        }

        return tag;
    }
}
