using System.Collections.Immutable;
using ReSim.Testing.Compose.Loading;
using ReSim.Testing.Compose.Tests.Support;

namespace ReSim.Testing.Compose.Tests.Loading;

/// <summary>
/// Table-driven over <c>Fixtures/cases/*.yml</c>: each file says in its header comments which diagnostics it
/// must produce (<c># expect: RSIM040@9 RSIM050@3</c> or <c># expect: none</c>) and, optionally, the profile
/// (<c># profile: sim</c>). Each rule has a positive and a negative case there.
/// </summary>
public class FixtureCaseTests
{
    private const string CasesFolder = "Fixtures/cases";

    public static TheoryData<string> Cases => new(
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, CasesFolder), "*.yml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_fixture_case_produces_exactly_the_diagnostics_its_header_expects(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, CasesFolder, file);
        var header = File.ReadAllLines(path).Where(l => l.StartsWith("# ", StringComparison.Ordinal)).ToList();
        var expected = header.Single(l => l.StartsWith("# expect:", StringComparison.Ordinal))["# expect:".Length..]
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(token => token != "none")
            .Order(StringComparer.Ordinal)
            .ToImmutableArray();
        var profile = header.FirstOrDefault(l => l.StartsWith("# profile:", StringComparison.Ordinal))?["# profile:".Length..].Trim();

        var result = ComposeLoader.LoadFile(path, new ComposeLoadOptions
        {
            Profile = profile,
            Variables = ImmutableDictionary<string, string>.Empty,
            System = ComposeText.System,
        });

        var actual = result.Diagnostics.Select(d => $"{d.Code}@{d.Location.Line}").Order(StringComparer.Ordinal).ToImmutableArray();
        Assert.True(expected.SequenceEqual(actual), $"Expected [{string.Join(" ", expected)}], got:\n{string.Join("\n", result.Diagnostics)}");
        Assert.All(result.Diagnostics, d => Assert.EndsWith(file, d.Location.File, StringComparison.Ordinal));
    }
}
