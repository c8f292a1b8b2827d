namespace ReSim.Testing.Compose.Tests.Conformance;

/// <summary>Every row of compose-go's ported test tables, through the public loader (issue 11).</summary>
public sealed class ConformanceTests
{
    public static IEnumerable<TheoryDataRow<string, int>> Rows() => ConformanceTables.AllRows();

    [Theory]
    [MemberData(nameof(Rows))]
    public void Every_row_agrees_with_compose_go(string table, int row)
    {
        var (tableElement, rowElement) = ConformanceTables.Get(table, row);
        switch (tableElement.GetProperty("kind").GetString())
        {
            case "template":
                TemplateRows.Check(tableElement, rowElement);
                break;
            case "dotenv":
                DotEnvRows.Check(tableElement, rowElement);
                break;
            case "compose":
                ComposeRows.Check(tableElement, rowElement);
                break;
            case "bytes" or "duration":
                UnitRows.Check(tableElement, rowElement, bytes: tableElement.GetProperty("kind").GetString() == "bytes");
                break;
            case "merge":
                MergeRows.Check(tableElement, rowElement);
                break;
            default:
                Assert.Fail($"{table} has an unknown kind.");
                break;
        }
    }
}
