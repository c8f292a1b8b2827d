namespace ReSim.Testing.Compose.Loading.Interpolation;

/// <summary>One problem found by <see cref="InterpolationTemplate"/>.</summary>
/// <param name="Kind">What went wrong.</param>
/// <param name="Text">The variable's name, or for invalid syntax the offending text.</param>
/// <param name="Detail">The message of a <c>${V:?message}</c>, when there is one.</param>
internal sealed record InterpolationIssue(InterpolationIssueKind Kind, string Text, string? Detail = null);
