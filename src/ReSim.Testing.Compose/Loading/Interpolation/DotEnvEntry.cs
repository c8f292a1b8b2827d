namespace ReSim.Testing.Compose.Loading.Interpolation;

/// <summary>One variable of a <c>.env</c> or <c>env_file</c> file.</summary>
/// <param name="Key">The variable's name.</param>
/// <param name="Value">Its value, or <see langword="null"/> for a bare <c>KEY</c> line (take it from the environment).</param>
/// <param name="Line">The 1-based line it is on.</param>
internal sealed record DotEnvEntry(string Key, string? Value, int Line);
