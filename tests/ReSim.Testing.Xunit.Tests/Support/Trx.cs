using System.Xml.Linq;

namespace ReSim.Testing.Xunit.Tests.Support;

/// <summary>The results in a TRX file, as the Microsoft.Testing.Platform TRX report writes them.</summary>
public sealed class Trx
{
    private static readonly XNamespace Ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    private Trx(IReadOnlyList<Result> results) => Results = results;

    public IReadOnlyList<Result> Results { get; }

    public static Trx Load(string resultsDirectory)
    {
        var file = Assert.Single(Directory.GetFiles(resultsDirectory, "*.trx", SearchOption.AllDirectories));
        var results = XDocument.Load(file).Descendants(Ns + "UnitTestResult").Select(r => new Result(
            (string)r.Attribute("testName")!,
            (string)r.Attribute("outcome")!,
            (string?)r.Element(Ns + "Output")?.Element(Ns + "ErrorInfo")?.Element(Ns + "Message") ?? string.Empty,
            (string?)r.Element(Ns + "Output")?.Element(Ns + "StdOut") ?? string.Empty,
            r.Element(Ns + "ResultFiles")?.Elements(Ns + "ResultFile").Select(f => Path.GetFileName((string)f.Attribute("path")!)).ToList() ?? []))
            .ToList();
        return new Trx(results);
    }

    public Result this[string testName] =>
        Results.SingleOrDefault(r => r.TestName == testName)
        ?? throw new KeyNotFoundException($"no result for {testName}; the TRX has: {string.Join(", ", Results.Select(r => r.TestName))}");

    public sealed record Result(string TestName, string Outcome, string Message, string StdOut, IReadOnlyList<string> Files);
}
