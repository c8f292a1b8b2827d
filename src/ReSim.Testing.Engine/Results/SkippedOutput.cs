namespace ReSim.Testing.Engine.Results;

/// <summary>An entry of a run's outputs folder that is not read, and why.</summary>
/// <param name="RelativePath">Its path in the outputs folder, with <c>/</c> between folders.</param>
/// <param name="Reason">Why it is not read, as a sentence fragment (for example "a symbolic link to /etc/passwd, never followed").</param>
public sealed record SkippedOutput(string RelativePath, string Reason);
