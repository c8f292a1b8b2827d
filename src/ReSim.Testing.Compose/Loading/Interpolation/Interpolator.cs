using System.Globalization;
using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Loading.Nodes;

namespace ReSim.Testing.Compose.Loading.Interpolation;

/// <summary>The interpolate stage: substitutes variables in every scalar value (not keys) of a tree (R2).</summary>
internal sealed class Interpolator(VariableLookup variables, DiagnosticBag diagnostics)
{
    private readonly List<InterpolationIssue> issues = [];

    public ComposeNode Interpolate(ComposeNode node, string path = "") => node switch
    {
        ScalarNode scalar => InterpolateScalar(scalar, path),
        MappingNode mapping => mapping.WithEntries([.. mapping.Entries.Select(e => e with { Value = Interpolate(e.Value, Join(path, e.Name)) })]),
        SequenceNode sequence => sequence.WithItems([.. sequence.Items.Select((item, i) => Interpolate(item, string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]")))]),
        _ => node,
    };

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private ScalarNode InterpolateScalar(ScalarNode scalar, string path)
    {
        if (scalar.Kind != ScalarKind.String)
        {
            return scalar;
        }

        issues.Clear();
        var value = InterpolationTemplate.Substitute(scalar.Value, variables, issues);
        foreach (var issue in issues)
        {
            Report(diagnostics, issue, scalar.Location, path);
        }

        return scalar.WithValue(value);
    }

    /// <summary>Reports one issue of <see cref="InterpolationTemplate"/> found at <paramref name="location"/> in the value at <paramref name="path"/>.</summary>
    public static void Report(DiagnosticBag diagnostics, InterpolationIssue issue, SourceLocation location, string path)
    {
        switch (issue.Kind)
        {
            case InterpolationIssueKind.UnsetVariable:
                diagnostics.Warning(
                    DiagnosticCodes.UnsetVariable,
                    location,
                    $"The variable `{issue.Text}` used in `{path}` is not set; it becomes an empty string.",
                    $"Set `{issue.Text}` in the environment, the experience's variables or a .env file beside the compose file, or give a default: `${{{issue.Text}:-value}}`.",
                    path);
                break;
            case InterpolationIssueKind.RequiredVariableMissing:
                var detail = string.IsNullOrEmpty(issue.Detail) ? "it is required" : issue.Detail;
                diagnostics.Error(
                    DiagnosticCodes.RequiredVariableMissing,
                    location,
                    $"The variable `{issue.Text}` used in `{path}` is missing: {detail}.",
                    $"Set `{issue.Text}` in the environment, the experience's variables or a .env file beside the compose file.",
                    path);
                break;
            default:
                diagnostics.Error(
                    DiagnosticCodes.InvalidInterpolation,
                    location,
                    $"`{issue.Text}` in `{path}` is not a compose interpolation.",
                    "Write `$$` for a literal `$`, and `${NAME}` or `$NAME` for a variable.",
                    path);
                break;
        }
    }
}
