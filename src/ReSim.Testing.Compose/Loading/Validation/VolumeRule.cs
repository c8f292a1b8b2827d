using System.Globalization;
using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Model;

namespace ReSim.Testing.Compose.Loading.Validation;

/// <summary>R10: a named volume a service mounts is declared under the top-level <c>volumes</c>, as compose requires.</summary>
internal sealed class VolumeRule : IValidationRule
{
    public void Check(ValidationContext context)
    {
        var declared = context.Compose.Volumes.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var service in context.Compose.Services.Select(s => s.Definition))
        {
            for (var i = 0; i < service.Volumes.Length; i++)
            {
                var mount = service.Volumes[i];
                if (mount is { Type: VolumeMountType.Volume, Source: { } name } && !declared.Contains(name))
                {
                    var key = string.Create(CultureInfo.InvariantCulture, $"volumes[{i}]");
                    context.Diagnostics.Error(DiagnosticCodes.UndeclaredVolume, context.Locate(service, key), $"Service `{service.Name}` mounts the volume `{name}`, which the top-level `volumes` does not declare (R10).", $"Add `{name}:` under the top-level `volumes:`, or use a path starting with `./` for a bind mount.", $"services.{service.Name}.{key}");
                }
            }
        }
    }
}
