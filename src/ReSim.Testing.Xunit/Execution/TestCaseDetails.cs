using Xunit.v3;

namespace ReSim.Testing.Execution;

/// <summary>What xUnit's introspection says about a test method and its Fact attribute, named.</summary>
/// <param name="TestMethod">The resolved test method.</param>
/// <param name="DisplayName">The method's display name.</param>
/// <param name="UniqueId">The method's unique ID.</param>
/// <param name="Explicit">Whether the test runs only when asked for explicitly.</param>
/// <param name="DisableParallelization">Whether the test opts out of parallel runs.</param>
/// <param name="SkipExceptions">Exceptions that skip the test.</param>
/// <param name="SkipReason">The static skip reason.</param>
/// <param name="SkipType">The type of the dynamic skip property.</param>
/// <param name="SkipUnless">The dynamic skip property that must be true to run.</param>
/// <param name="SkipWhen">The dynamic skip property that must be false to run.</param>
/// <param name="SourceFilePath">The source file.</param>
/// <param name="SourceLineNumber">The source line.</param>
/// <param name="Timeout">xUnit's own test timeout in milliseconds (0 for none).</param>
internal sealed record TestCaseDetails(
    IXunitTestMethod TestMethod,
    string DisplayName,
    string UniqueId,
    bool Explicit,
    bool DisableParallelization,
    Type[]? SkipExceptions,
    string? SkipReason,
    Type? SkipType,
    string? SkipUnless,
    string? SkipWhen,
    string? SourceFilePath,
    int? SourceLineNumber,
    int Timeout);
