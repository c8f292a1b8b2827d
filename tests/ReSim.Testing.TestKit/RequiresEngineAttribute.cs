using Xunit.v3;

namespace ReSim.Testing.TestKit;

/// <summary>
/// Marks tests that need a real container engine (Docker, or Podman's Docker API): they get the trait
/// <c>Category=Docker</c>, so <c>dotnet test -- --filter-not-trait Category=Docker</c> runs the fast suite without one.
/// </summary>
/// <remarks>On a class it marks every test of the class; on a method, that test.</remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class RequiresEngineAttribute : Attribute, ITraitAttribute
{
    /// <summary>The trait's name.</summary>
    public const string Category = "Category";

    /// <summary>The trait's value.</summary>
    public const string Docker = "Docker";

    /// <inheritdoc />
    public IReadOnlyCollection<KeyValuePair<string, string>> GetTraits() => [new(Category, Docker)];
}
