using Microsoft.Build.Utilities;
using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.MSBuild.Reporting;
using ReSim.Testing.MSBuild.Tests.Fakes;

namespace ReSim.Testing.MSBuild.Tests;

public sealed class DiagnosticReporterTests
{
    private readonly FakeBuildEngine engine = new();

    private TaskLoggingHelper Log => new(engine, "ValidateComposeExperience");

    [Fact]
    public void An_error_becomes_a_canonical_error_with_file_line_column_code_and_hint()
    {
        var diagnostic = new Diagnostic("RSIM034", DiagnosticSeverity.Error, "Service 'robot' has no image.", "Add image: name:tag.", new SourceLocation("/x/compose.yml", 12, 5), "services.robot");

        DiagnosticReporter.Report(Log, diagnostic);

        var error = Assert.Single(engine.Errors);
        Assert.Equal(("/x/compose.yml", 12, 5, "RSIM034", "RSIM034"), (error.File, error.LineNumber, error.ColumnNumber, error.Code, error.HelpKeyword));
        Assert.Equal("Service 'robot' has no image. Add image: name:tag.", error.Message);
        Assert.Null(error.Subcategory);
        Assert.Empty(engine.Warnings);
    }

    [Fact]
    public void A_warning_becomes_a_canonical_warning_and_not_an_error()
    {
        var diagnostic = new Diagnostic("RSIM030", DiagnosticSeverity.Warning, "Key 'ports' is ignored (R3).", "Remove it.", new SourceLocation("compose.yml", 3, 9));

        DiagnosticReporter.Report(Log, [diagnostic]);

        var warning = Assert.Single(engine.Warnings);
        Assert.Equal(("compose.yml", 3, 9, "RSIM030"), (warning.File, warning.LineNumber, warning.ColumnNumber, warning.Code));
        Assert.Empty(engine.Errors);
    }

    [Fact]
    public void A_whole_file_diagnostic_is_reported_against_the_file_without_a_position()
    {
        var diagnostic = new Diagnostic("RSIM050", DiagnosticSeverity.Error, "No test orchestrator (R5).", "Label one service.", SourceLocation.WholeFile("/x/compose.yml"));

        DiagnosticReporter.Report(Log, diagnostic);

        var error = Assert.Single(engine.Errors);
        Assert.Equal(("/x/compose.yml", 0, 0), (error.File, error.LineNumber, error.ColumnNumber));
    }

    [Fact]
    public void Braces_in_a_message_are_kept_as_written()
    {
        var diagnostic = new Diagnostic("RSIM012", DiagnosticSeverity.Error, "'${A:x}' is not an interpolation form.", string.Empty, new SourceLocation("c.yml", 1, 1));

        DiagnosticReporter.Report(Log, diagnostic);

        Assert.Equal("'${A:x}' is not an interpolation form.", Assert.Single(engine.Errors).Message);
    }
}
