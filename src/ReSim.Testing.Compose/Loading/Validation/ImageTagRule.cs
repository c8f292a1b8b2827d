using ReSim.Testing.Compose.Diagnostics;

namespace ReSim.Testing.Compose.Loading.Validation;

/// <summary>R4: every image carries an explicit tag or digest; untagged and <c>:latest</c> give a warning.</summary>
internal sealed class ImageTagRule : IValidationRule
{
    public void Check(ValidationContext context)
    {
        foreach (var service in context.Compose.Services.Select(s => s.Definition).Where(s => s.Image.Length > 0))
        {
            var tag = TagOf(service.Image);
            if (tag is not null && tag != "latest")
            {
                continue;
            }

            var what = tag is null ? "has no tag" : "uses the `latest` tag";
            context.Diagnostics.Warning(DiagnosticCodes.UnpinnedImage, context.Locate(service, "image"), $"The image `{service.Image}` of service `{service.Name}` {what}; ReSim pulls it exactly as written, so runs may differ (R4).", "Pin the image: `name:1.2.3` or `name@sha256:...`.", $"services.{service.Name}.image");
        }
    }

    /// <summary>The tag of an image reference; "@" for a digest; <see langword="null"/> when untagged.</summary>
    public static string? TagOf(string image)
    {
        if (image.Contains('@', StringComparison.Ordinal))
        {
            return "@";
        }

        var lastSegment = image[(image.LastIndexOf('/') + 1)..];
        var colon = lastSegment.LastIndexOf(':');
        return colon < 0 ? null : lastSegment[(colon + 1)..];
    }
}
