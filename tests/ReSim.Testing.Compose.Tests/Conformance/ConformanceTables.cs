using System.Text.Json;

namespace ReSim.Testing.Compose.Tests.Conformance;

/// <summary>The tables ported from compose-go's own tests: one JSON file per compose-go test file, each row naming its test.</summary>
internal static class ConformanceTables
{
    private static readonly Lazy<Dictionary<string, JsonElement>> Tables = new(ReadAll);

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Conformance");

    /// <summary>Every row of every table, as (table file, row index).</summary>
    public static IEnumerable<TheoryDataRow<string, int>> AllRows() =>
        Tables.Value.OrderBy(t => t.Key, StringComparer.Ordinal).SelectMany(t => Enumerable.Range(0, t.Value.GetProperty("rows").GetArrayLength())
            .Select(i => new TheoryDataRow<string, int>(t.Key, i) { TestDisplayName = $"{t.Key}#{i} {t.Value.GetProperty("rows")[i].GetProperty("test").GetString()}" }));

    public static (JsonElement Table, JsonElement Row) Get(string table, int row)
    {
        var element = Tables.Value[table];
        return (element, element.GetProperty("rows")[row]);
    }

    private static Dictionary<string, JsonElement> ReadAll() =>
        Directory.EnumerateFiles(Folder, "*.json").ToDictionary(
            path => Path.GetFileName(path) ?? path,
            path => JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip }).RootElement,
            StringComparer.Ordinal);
}
