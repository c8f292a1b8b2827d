using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Loading.Normalization;

namespace ReSim.Testing.Compose.Loading.Validation;

/// <summary>R12: two active services declaring the same container port will clash in the experience's shared network namespace.</summary>
internal sealed class PortClashRule : IValidationRule
{
    public void Check(ValidationContext context)
    {
        var owners = new Dictionary<(int, string), string>();
        foreach (var service in context.Active)
        {
            foreach (var port in service.Ports.DistinctBy(p => (p.Port, p.Protocol)))
            {
                if (!owners.TryAdd((port.Port, port.Protocol), service.Definition.Name))
                {
                    Report(context, service, port, owners[(port.Port, port.Protocol)]);
                }
            }
        }
    }

    private static void Report(ValidationContext context, NormalizedService service, PortDeclaration port, string other) =>
        context.Diagnostics.Warning(DiagnosticCodes.PortClash, port.Location, $"Services `{other}` and `{service.Definition.Name}` both declare port {port.Port}/{port.Protocol} (`{port.Key}`); all services of an experience share one network namespace, so the second to listen fails with \"address already in use\" (R12).", "Make the services listen on different ports, or put them in different profiles.", $"services.{service.Definition.Name}.{port.Key}");
}
