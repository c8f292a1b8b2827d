using ReSim.Testing.Compose.Diagnostics;

namespace ReSim.Testing.Compose.Loading.Validation;

/// <summary>R12: two active services declaring the same container port will clash in the experience's shared network namespace.</summary>
/// <remarks>
/// A sweep over the declared ranges sorted by their first port, so that work grows with the number of
/// declarations, not with the width of ranges; each pair of services is reported once.
/// </remarks>
internal sealed class PortClashRule : IValidationRule
{
    public void Check(ValidationContext context)
    {
        var declarations = context.Active
            .SelectMany(service => service.Ports.Select(port => (Service: service.Definition.Name, Port: port)))
            .GroupBy(d => d.Port.Protocol, StringComparer.Ordinal);
        var reported = new HashSet<(string, string)>();
        foreach (var protocol in declarations)
        {
            var reach = 0;
            var owner = string.Empty;
            foreach (var (service, port) in protocol.OrderBy(d => d.Port.From).ThenByDescending(d => d.Port.To))
            {
                if (port.From <= reach && owner != service && reported.Add((owner, service)))
                {
                    Report(context, owner, service, port.From, port);
                }

                if (port.To > reach)
                {
                    (reach, owner) = (port.To, service);
                }
            }
        }
    }

    private static void Report(ValidationContext context, string first, string second, int port, Normalization.PortDeclaration declaration) =>
        context.Diagnostics.Warning(DiagnosticCodes.PortClash, declaration.Location, $"Services `{first}` and `{second}` both declare port {port}/{declaration.Protocol} (`{declaration.Key}` of `{second}`); all services of an experience share one network namespace, so the second to listen fails with \"address already in use\" (R12).", "Make the services listen on different ports, or put them in different profiles.", $"services.{second}.{declaration.Key}");
}
