using ReSim.Testing.Compose.Model;

namespace ReSim.Testing.Compose.Loading.Pipeline;

/// <summary>What one run of the <see cref="ComposePipeline"/> needs besides the file or text itself.</summary>
/// <param name="Profile">The experience's profile (R8), or <see langword="null"/> for none.</param>
/// <param name="Variables">Variables for interpolation (R2); <see langword="null"/> means this process's environment. A <c>.env</c> beside the compose file fills in what these lack.</param>
/// <param name="WorkingDirectory">The folder relative paths resolve against; <see langword="null"/> means the compose file's folder, or the current directory for a string input.</param>
/// <param name="System">The system the reservations of all services must fit in (R13); <see langword="null"/> means this machine.</param>
internal sealed record PipelineOptions(string? Profile, IReadOnlyDictionary<string, string>? Variables, string? WorkingDirectory, SystemResources? System);
