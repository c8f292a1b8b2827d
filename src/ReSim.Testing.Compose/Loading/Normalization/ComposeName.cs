namespace ReSim.Testing.Compose.Loading.Normalization;

/// <summary>
/// Compose's rule for the names of services and top-level volumes: <c>^[a-zA-Z0-9._-]+$</c>, as compose-spec's
/// JSON schema (used by compose-go) declares them. Only ASCII counts: <c>rôbot</c> is not a name.
/// </summary>
internal static class ComposeName
{
    public static bool IsValid(string name) => name.Length > 0 && name.All(IsAllowed);

    /// <summary>A valid name close to <paramref name="name"/>, for the hint: every other character becomes <c>-</c>.</summary>
    public static string Suggest(string name) =>
        name.Length == 0 ? "name" : new string([.. name.Select(c => IsAllowed(c) ? c : '-')]);

    private static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-';
}
