namespace ReSim.Testing.Compose.Loading.Interpolation;

/// <summary>What went wrong while interpolating one string.</summary>
internal enum InterpolationIssueKind
{
    UnsetVariable,
    RequiredVariableMissing,
    InvalidSyntax,
}
