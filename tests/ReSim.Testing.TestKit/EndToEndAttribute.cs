using Xunit.v3;

namespace ReSim.Testing.TestKit;

/// <summary>
/// Marks tests that drive a real front end in a process of its own (<c>dotnet test</c> on a sample, <c>dotnet build</c>
/// of a consumer restored from freshly packed packages): they get the trait <c>Category=EndToEnd</c>. They take tens of
/// seconds each, so the fast suite leaves them out with <c>--filter-not-trait Category=EndToEnd</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class EndToEndAttribute : Attribute, ITraitAttribute
{
    /// <summary>The trait's value.</summary>
    public const string EndToEnd = "EndToEnd";

    /// <inheritdoc />
    public IReadOnlyCollection<KeyValuePair<string, string>> GetTraits() => [new(RequiresEngineAttribute.Category, EndToEnd)];
}
