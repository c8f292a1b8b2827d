namespace ReSim.Testing.Compose.Model;

/// <summary>One <c>depends_on</c> entry in long form.</summary>
/// <param name="Service">The service depended on.</param>
/// <param name="Condition">When the dependency counts as satisfied (R15).</param>
/// <param name="Required">Compose's <c>required</c> flag; the short form gives <see langword="true"/> (R2).</param>
public sealed record ServiceDependency(string Service, DependencyCondition Condition = DependencyCondition.ServiceStarted, bool Required = true);
