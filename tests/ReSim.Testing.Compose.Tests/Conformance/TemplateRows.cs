using System.Text.Encodings.Web;
using System.Text.Json;
using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Loading;
using ReSim.Testing.Compose.Model;

namespace ReSim.Testing.Compose.Tests.Conformance;

/// <summary>Runs a template row: the template as an environment value of a service, loaded by the public loader.</summary>
internal static class TemplateRows
{
    private static readonly JsonSerializerOptions Quoting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Check(JsonElement table, JsonElement row)
    {
        var input = ConformanceRow.String(row, "input")!;
        var result = Load(input, ConformanceRow.Variables(table, row));
        if (!ConformanceRow.ExpectsSuccess(row, result))
        {
            return;
        }

        var probe = Assert.Single(result.Model!.Services, s => s.Name == "probe");
        Assert.Equal(ConformanceRow.String(row, "expected"), probe.Environment.GetValueOrDefault("VALUE", string.Empty));
        if (row.TryGetProperty("warnings", out var warnings))
        {
            Assert.Equal(warnings.GetInt32(), result.Diagnostics.Count(d => d.Code == DiagnosticCodes.UnsetVariable));
        }
    }

    /// <summary>Loads <paramref name="value"/> as <c>services.probe.environment.VALUE</c> (a YAML double-quoted string, so any text fits).</summary>
    public static ComposeLoadResult Load(string value, IReadOnlyDictionary<string, string> variables) =>
        ComposeLoader.LoadString(
            $$"""
            services:
              orchestrator:
                image: resim-testing/busybox:1.35
                labels: {resim.ai/isTestOrchestrator: "true"}
              probe:
                image: resim-testing/busybox:1.35
                environment:
                  VALUE: {{JsonSerializer.Serialize(value, Quoting)}}
            """,
            new ComposeLoadOptions { Variables = variables, WorkingDirectory = Path.GetTempPath(), System = new SystemResources(8, 16L << 30, []) });
}
