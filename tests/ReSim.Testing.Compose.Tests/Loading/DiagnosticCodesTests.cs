using System.Reflection;
using System.Text.RegularExpressions;
using ReSim.Testing.Compose.Diagnostics;

namespace ReSim.Testing.Compose.Tests.Loading;

public partial class DiagnosticCodesTests
{
    private static readonly string[] Codes = [.. typeof(DiagnosticCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (string)f.GetValue(null)!)];

    [Fact]
    public void Every_code_is_RSIM_and_three_digits_and_unique()
    {
        Assert.All(Codes, code => Assert.Matches(CodePattern(), code));
        Assert.Equal(Codes.Length, Codes.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Every_code_has_a_row_in_docs_diagnostics_md()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "diagnostics.md"));

        Assert.All(Codes, code => Assert.Contains($"| {code} |", docs, StringComparison.Ordinal));
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ReSim.Testing.sln")))
        {
            folder = folder.Parent;
        }

        Assert.True(folder is not null, "The tests must run from inside the repository to find docs/diagnostics.md.");
        return folder.FullName;
    }

    [GeneratedRegex("^RSIM[0-9]{3}$")]
    private static partial Regex CodePattern();
}
