using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Model;

namespace ReSim.Testing.Compose.Loading.Validation;

/// <summary>R5: at least one active service is a test orchestrator; R16: an orchestrator is never restarted.</summary>
internal sealed class OrchestratorRule : IValidationRule
{
    public void Check(ValidationContext context)
    {
        var orchestrators = context.Active.Select(s => s.Definition).Where(s => s.IsTestOrchestrator).ToList();
        foreach (var orchestrator in orchestrators.Where(o => o.Restart.Kind != RestartKind.No))
        {
            context.Diagnostics.Warning(DiagnosticCodes.OrchestratorRestart, context.Locate(orchestrator, "restart"), $"`restart: {orchestrator.Restart}` of the test orchestrator `{orchestrator.Name}` is ignored: an orchestrator is never restarted, its first non-zero exit fails the experience (R16).", "Remove `restart` from the orchestrator, or retry inside its command if the test should retry.", $"services.{orchestrator.Name}.restart");
        }

        if (orchestrators.Count > 0)
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
