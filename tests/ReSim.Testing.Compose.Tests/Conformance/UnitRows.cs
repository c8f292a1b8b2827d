using System.Text.Json;
using ReSim.Testing.Compose.Loading;
using ReSim.Testing.Compose.Model;

namespace ReSim.Testing.Compose.Tests.Conformance;

/// <summary>Runs a unit row: a memory size as <c>deploy.resources.limits.memory</c>, or a duration as <c>healthcheck.interval</c>.</summary>
/// <remarks>The value is written quoted (a string, as compose-go's unit parsers see it) unless the row says <c>plain</c>.</remarks>
internal static class UnitRows
{
    public static void Check(JsonElement table, JsonElement row, bool bytes)
    {
        var text = ConformanceRow.String(row, "text")!;
        var value = row.TryGetProperty("plain", out var plain) && plain.GetBoolean() ? text : JsonSerializer.Serialize(text);
        var service = bytes ? $"deploy: {{resources: {{limits: {{memory: {value}}}}}}}" : $"healthcheck: {{test: [\"CMD\", \"true\"], interval: {value}}}";
        var result = ComposeLoader.LoadString(
            $$"""
            services:
              orchestrator:
                image: resim-testing/busybox:1.35
                labels: {resim.ai/isTestOrchestrator: "true"}
              probe:
                image: resim-testing/busybox:1.35
                {{service}}
            """,
            new ComposeLoadOptions { Variables = ConformanceRow.Variables(table, row), WorkingDirectory = Path.GetTempPath(), System = new SystemResources(8, 16L << 30, []) });
        if (!ConformanceRow.ExpectsSuccess(row, result))
        {
            return;
        }

        var probe = Assert.Single(result.Model!.Services, s => s.Name == "probe");
        var expected = row.GetProperty(bytes ? "bytes" : "nanoseconds");
        if (bytes)
        {
            Assert.Equal(expected.ValueKind == JsonValueKind.Null ? null : expected.GetInt64(), probe.Resources.Limits.MemoryBytes);
        }
        else
        {
            Assert.Equal(TimeSpan.FromTicks(expected.GetInt64() / 100), probe.Healthcheck!.Interval);
        }
    }
}
