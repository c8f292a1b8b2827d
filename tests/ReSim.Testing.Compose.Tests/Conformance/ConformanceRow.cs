using System.Collections.Immutable;
using System.Text.Json;
using ReSim.Testing.Compose.Loading;

namespace ReSim.Testing.Compose.Tests.Conformance;

/// <summary>Reads the common fields of a row: its variables, the error compose-go gives, and the platform's own verdict where it differs.</summary>
internal static class ConformanceRow
{
    /// <summary>The row's variables, else the table's, else none.</summary>
    public static ImmutableDictionary<string, string> Variables(JsonElement table, JsonElement row) =>
        (row.TryGetProperty("variables", out var own) ? own : table.TryGetProperty("variables", out var shared) ? shared : default) is { ValueKind: JsonValueKind.Object } set
            ? set.EnumerateObject().ToImmutableDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal)
            : ImmutableDictionary<string, string>.Empty;

    public static string? String(JsonElement row, string name) =>
        row.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>
    /// Asserts the outcome the row expects: compose-go's error (its code here), or, for rows marked
    /// <c>platform</c>, the diagnostic of the ReSim rule that decides otherwise; true when the row expects success.
    /// </summary>
    /// <remarks>RSIM050 (no test orchestrator, R5) is tolerated: compose-go's fixtures have no ReSim labels.</remarks>
    public static bool ExpectsSuccess(JsonElement row, ComposeLoadResult result)
    {
        var code = row.TryGetProperty("platform", out var platform) ? String(platform, "code") : String(row, "error");
        var shown = string.Join("\n", result.Diagnostics);
        if (code is not null)
        {
            Assert.True(result.Diagnostics.Any(d => d.Code == code), $"Expected {code}; got:\n{shown}");
            if (String(row, "message") is { } message)
            {
                Assert.Contains(result.Diagnostics, d => d.Code == code && d.Message.Contains(message, StringComparison.Ordinal));
            }

            Assert.DoesNotContain(result.Diagnostics, d => d.Code == "RSIM099");
            return false;
        }

        Assert.False(result.Errors.Any(d => d.Code != "RSIM050"), $"compose-go loads this; the loader said:\n{shown}");
        Assert.NotNull(result.Model);
        return true;
    }
}
