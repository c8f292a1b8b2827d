using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Loading.Normalization;
using ReSim.Testing.Compose.Model;

namespace ReSim.Testing.Compose.Loading.Validation;

/// <summary>The validate stage: the rules that look across services (R4, R5, R8, R10, R12, R13, R15).</summary>
internal static class ComposeValidator
{
    private static readonly IValidationRule[] Rules =
    [
        new ImageTagRule(), new OrchestratorRule(), new DependencyRule(), new DependencyCycleRule(), new HealthyDependencyRule(), new VolumeRule(), new PortClashRule(), new ReservationRule(),
    ];

    public static void Validate(NormalizedCompose compose, string? profile, SystemResources system, DiagnosticBag diagnostics)
    {
        var context = new ValidationContext(compose, profile, system, diagnostics);
        foreach (var rule in Rules)
        {
            rule.Check(context);
        }
    }
}
