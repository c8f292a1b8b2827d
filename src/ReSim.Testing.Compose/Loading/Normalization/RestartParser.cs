using System.Globalization;
using ReSim.Testing.Compose.Model;

namespace ReSim.Testing.Compose.Loading.Normalization;

/// <summary>Parses compose <c>restart</c> values: <c>no</c>, <c>always</c>, <c>unless-stopped</c>, <c>on-failure[:max]</c> (R17).</summary>
internal static class RestartParser
{
    public static RestartPolicy? Parse(string text)
    {
        switch (text)
        {
            case "no":
                return RestartPolicy.No;
            case "always":
                return new RestartPolicy(RestartKind.Always);
            case "unless-stopped":
                return new RestartPolicy(RestartKind.UnlessStopped);
            case "on-failure":
                return new RestartPolicy(RestartKind.OnFailure);
        }

        const string prefix = "on-failure:";
        return text.StartsWith(prefix, StringComparison.Ordinal)
            && int.TryParse(text.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var max)
            ? new RestartPolicy(RestartKind.OnFailure, max)
            : null;
    }
}
