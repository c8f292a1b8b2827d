using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Model;

namespace ReSim.Testing.Compose.Loading.Validation;

/// <summary>R5: at least one active service is a test orchestrator.</summary>
internal sealed class OrchestratorRule : IValidationRule
{
    public void Check(ValidationContext context)
    {
        if (context.Active.Any(s => s.Definition.IsTestOrchestrator))
        {
            return;
        }

        var elsewhere = context.Compose.Services.Where(s => s.Definition.IsTestOrchestrator).Select(s => $"`{s.Definition.Name}`").ToList();
        var hint = elsewhere.Count > 0
            ? $"The orchestrators {string.Join(", ", elsewhere)} are in other profiles: choose one of their profiles, or label an active service `{ServiceDefinition.OrchestratorLabel}: \"true\"`."
            : $"Label the service that runs the test `{ServiceDefinition.OrchestratorLabel}: \"true\"`; its exit code decides the verdict.";
        context.Diagnostics.Error(DiagnosticCodes.NoOrchestrator, context.Compose.ServicesLocation, $"No active service (with {context.ProfileText}) is a test orchestrator (R5).", hint, "services");
    }
}
