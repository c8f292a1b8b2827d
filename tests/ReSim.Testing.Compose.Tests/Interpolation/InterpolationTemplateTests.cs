using ReSim.Testing.Compose.Loading.Interpolation;

namespace ReSim.Testing.Compose.Tests.Interpolation;

/// <summary>Every compose interpolation form (R2), with SET=value, EMPTY="" and UNSET not set.</summary>
public class InterpolationTemplateTests
{
    private static readonly VariableLookup Variables = new([new("SET", "value"), new("EMPTY", string.Empty)], []);

    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("$SET", "value")]
    [InlineData("${SET}", "value")]
    [InlineData("a-${SET}-b/$SET.txt", "a-value-b/value.txt")]
    [InlineData("$$SET", "$SET")]
    [InlineData("cost: $$5", "cost: $5")]
    [InlineData("${UNSET:-fallback}", "fallback")]
    [InlineData("${EMPTY:-fallback}", "fallback")]
    [InlineData("${SET:-fallback}", "value")]
    [InlineData("${UNSET-fallback}", "fallback")]
    [InlineData("${EMPTY-fallback}", "")]
    [InlineData("${SET:+replaced}", "replaced")]
    [InlineData("${EMPTY:+replaced}", "")]
    [InlineData("${UNSET:+replaced}", "")]
    [InlineData("${EMPTY+replaced}", "replaced")]
    [InlineData("${UNSET+replaced}", "")]
    [InlineData("${SET:?must be set}", "value")]
    [InlineData("${EMPTY?must be set}", "")]
    [InlineData("${UNSET:-${SET}}", "value")]
    [InlineData("${UNSET:-a ${UNSET2:-b}}", "a b")]
    public void A_form_substitutes_as_compose_does_without_issues(string input, string expected)
    {
        var issues = new List<InterpolationIssue>();

        Assert.Equal(expected, InterpolationTemplate.Substitute(input, Variables, issues));
        Assert.Empty(issues);
    }

    [Theory]
    [InlineData("$UNSET")]
    [InlineData("${UNSET}")]
    [InlineData("x-${UNSET}-y")]
    public void An_unset_variable_becomes_empty_with_an_issue(string input)
    {
        var issues = new List<InterpolationIssue>();

        var output = InterpolationTemplate.Substitute(input, Variables, issues);

        Assert.Equal(input.Replace("${UNSET}", "").Replace("$UNSET", ""), output);
        Assert.Equal(new InterpolationIssue(InterpolationIssueKind.UnsetVariable, "UNSET"), Assert.Single(issues));
    }

    [Theory]
    [InlineData("${UNSET:?give it a value}", "UNSET")]
    [InlineData("${EMPTY:?give it a value}", "EMPTY")]
    [InlineData("${UNSET?give it a value}", "UNSET")]
    public void A_missing_required_variable_is_an_issue_with_its_message(string input, string name)
    {
        var issues = new List<InterpolationIssue>();

        InterpolationTemplate.Substitute(input, Variables, issues);

        Assert.Equal(new InterpolationIssue(InterpolationIssueKind.RequiredVariableMissing, name, "give it a value"), Assert.Single(issues));
    }

    [Theory]
    [InlineData("$1")]
    [InlineData("price $")]
    [InlineData("^REGEX$")]
    [InlineData("$}")]
    public void A_lone_dollar_is_kept_as_written_as_compose_go_does(string input)
    {
        var issues = new List<InterpolationIssue>();

        Assert.Equal(input, InterpolationTemplate.Substitute(input, Variables, issues));
        Assert.Empty(issues);
    }

    [Theory]
    [InlineData("${")]
    [InlineData("${SET:}")]
    [InlineData("${}")]
    [InlineData("${SET")]
    [InlineData("${SET:x}")]
    [InlineData("${1abc}")]
    public void Malformed_syntax_is_an_issue(string input)
    {
        var issues = new List<InterpolationIssue>();

        InterpolationTemplate.Substitute(input, Variables, issues);

        Assert.Equal(InterpolationIssueKind.InvalidSyntax, Assert.Single(issues).Kind);
    }
}
