using System.Text.Json;
using System.Text.Json.Nodes;
using ReSim.Testing.Compose.Model;

namespace ReSim.Testing.Compose.Tests.Conformance;

/// <summary>Runs a loader row: compose-go's fixture files written to a folder and loaded with the public loader.</summary>
/// <remarks>
/// <c>services</c> lists every service compose-go's project has; <c>expected</c> gives, per service, the parts of its
/// <see cref="ServiceDefinition"/> (as JSON) that must match: objects partially (<c>Environment</c> and <c>Labels</c> exactly), lists and values exactly, <c>null</c> for absent.
/// In <c>expected</c>, <c>{folder}</c> in a string stands for the row's project folder (where compose-go resolves relative paths).
/// <c>active</c> lists the services compose-go's project keeps for the row's <c>profile</c> (its <c>ServiceNames()</c>
/// after <c>WithProfiles</c>; the others are its <c>DisabledServices</c>); ReSim's <see cref="ComposeModel.Services"/> holds
/// every service, <see cref="ComposeModel.ActiveServices"/> those. <c>gpus</c> gives the system that many GPUs (default none).
/// </remarks>
internal static class ComposeRows
{
    public static void Check(JsonElement table, JsonElement row)
    {
        using var project = new ConformanceProject();
        foreach (var file in row.GetProperty("files").EnumerateObject())
        {
            project.Write(file.Name, file.Value.GetString()!);
        }

        var result = project.Load(ConformanceRow.String(row, "main") ?? "compose.yaml", ConformanceRow.Variables(table, row), ConformanceRow.String(row, "profile"),
            row.TryGetProperty("gpus", out var gpus) ? gpus.GetInt32() : 0);
        if (!ConformanceRow.ExpectsSuccess(row, result))
        {
            return;
        }

        var services = result.Model!.Services;
        if (row.TryGetProperty("services", out var names))
        {
            Assert.Equal(names.EnumerateArray().Select(n => n.GetString()!).Order(StringComparer.Ordinal), services.Select(s => s.Name).Order(StringComparer.Ordinal));
        }

        if (row.TryGetProperty("active", out var active))
        {
            Assert.Equal(active.EnumerateArray().Select(n => n.GetString()!).Order(StringComparer.Ordinal), result.Model!.ActiveServices.Select(s => s.Name).Order(StringComparer.Ordinal));
        }

        if (row.TryGetProperty("expected", out var expected))
        {
            foreach (var service in expected.EnumerateObject())
            {
                var actual = JsonSerializer.SerializeToNode(Assert.Single(services, s => s.Name == service.Name));
                AssertMatches(JsonNode.Parse(service.Value.GetRawText().Replace("{folder}", JsonEncodedText.Encode(project.Folder).ToString(), StringComparison.Ordinal)), actual, service.Name);
            }
        }
    }

    private static void AssertMatches(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected)
        {
            case null:
                Assert.True(actual is null, $"{path} should be absent, is {actual?.ToJsonString()}");
                break;
            case JsonObject expectedObject:
                var actualObject = Assert.IsType<JsonObject>(actual, exactMatch: false);
                if (path.EndsWith(".Environment", StringComparison.Ordinal) || path.EndsWith(".Labels", StringComparison.Ordinal))
                {
                    Assert.True(JsonNode.DeepEquals(expected, actual), $"{path}: expected {expected.ToJsonString()}, got {actual.ToJsonString()}");
                    break;
                }

                foreach (var (name, value) in expectedObject)
                {
                    AssertMatches(value, actualObject[name], $"{path}.{name}");
                }

                break;
            case JsonArray expectedArray:
                var actualArray = Assert.IsType<JsonArray>(actual, exactMatch: false);
                Assert.True(expectedArray.Count == actualArray.Count, $"{path}: expected {expectedArray.ToJsonString()}, got {actualArray.ToJsonString()}");
                for (var i = 0; i < expectedArray.Count; i++)
                {
                    AssertMatches(expectedArray[i], actualArray[i], $"{path}[{i}]");
                }

                break;
            default:
                Assert.True(JsonNode.DeepEquals(expected, actual), $"{path}: expected {expected.ToJsonString()}, got {actual?.ToJsonString()}");
                break;
        }
    }
}
