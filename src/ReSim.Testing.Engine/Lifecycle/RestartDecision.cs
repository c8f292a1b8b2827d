using ReSim.Testing.Engine.Results;

namespace ReSim.Testing.Engine.Lifecycle;

/// <summary>The policy's decision to start a service's exited container again.</summary>
/// <param name="Service">The service.</param>
/// <param name="Cause">Why (R15 or R17).</param>
/// <param name="ExitCode">The exit code that led to it.</param>
/// <param name="At">When the exit happened, after the experience started.</param>
/// <param name="Reason">A sentence for the result and the log header, such as <c>restart policy on-failure:2 (restart 1 of 2)</c>.</param>
internal sealed record RestartDecision(string Service, RestartCause Cause, int ExitCode, TimeSpan At, string Reason);
