using ReSim.Testing.Engine.Results;

namespace ReSim.Testing.Engine.Lifecycle;

/// <summary>The policy's verdict and its cause (R16, R17, R18, R20).</summary>
/// <param name="Verdict"><see cref="ExperienceVerdict.Passed"/>, <see cref="ExperienceVerdict.Failed"/> or <see cref="ExperienceVerdict.TimedOut"/>.</param>
/// <param name="Service">The service whose exit failed the experience, or <see langword="null"/>.</param>
/// <param name="ExitCode">The exit code that failed it, or <see langword="null"/>.</param>
/// <param name="At">When the verdict was reached, after the experience started.</param>
/// <param name="Message">One sentence naming the cause.</param>
internal sealed record LifecycleVerdict(ExperienceVerdict Verdict, string? Service, int? ExitCode, TimeSpan At, string Message);
