using ReSim.Testing.Compose.Diagnostics;

namespace ReSim.Testing.Compose.Loading.Validation;

/// <summary>
/// R8: <c>depends_on</c> names an existing service, and from an active service an active one; the service references of
/// <c>network_mode</c>, <c>ipc</c>, <c>pid</c> and <c>volumes_from</c> name existing services, as compose requires.
/// </summary>
/// <remarks>A dependency marked <c>required: false</c> on an inactive service is allowed, as compose allows it.</remarks>
internal sealed class DependencyRule : IValidationRule
{
    public void Check(ValidationContext context)
    {
        var all = context.Compose.Services.Select(s => s.Definition).ToDictionary(s => s.Name, StringComparer.Ordinal);
        foreach (var service in context.Compose.Services.Select(s => s.Definition))
        {
            var active = service.IsActiveIn(context.Profile);
            foreach (var dependency in service.DependsOn)
            {
                var location = context.Locate(service, $"depends_on.{dependency.Service}");
                var path = $"services.{service.Name}.depends_on.{dependency.Service}";
                if (!all.TryGetValue(dependency.Service, out var target))
                {
                    context.Diagnostics.Error(DiagnosticCodes.DependsOnUnknownService, location, $"Service `{service.Name}` depends on `{dependency.Service}`, which is not a service of this file (R8).", $"Declare `{dependency.Service}` under `services`, or fix the name in `depends_on`.", path);
                }
                else if (active && dependency.Required && !target.IsActiveIn(context.Profile))
                {
                    context.Diagnostics.Error(DiagnosticCodes.DependsOnInactiveService, location, $"Service `{service.Name}` depends on `{dependency.Service}`, which does not run with {context.ProfileText}: its profiles are {string.Join(", ", target.Profiles)} (R8).", $"Add the profile to `{dependency.Service}`'s `profiles`, choose a profile that activates it, or mark the dependency `required: false`.", path);
                }
            }

            foreach (var reference in service.References.Where(r => !all.ContainsKey(r.Service)))
            {
                context.Diagnostics.Error(DiagnosticCodes.UnknownServiceReference, context.Locate(service, reference.Key), $"`{reference.Key}` of service `{service.Name}` names `{reference.Service}`, which is not a service of this file.", $"Declare `{reference.Service}` under `services`, fix the name, or remove `{reference.Key}` (ReSim ignores it: every service shares the experience's namespaces, R12).", $"services.{service.Name}.{reference.Key}");
            }
        }
    }
}
