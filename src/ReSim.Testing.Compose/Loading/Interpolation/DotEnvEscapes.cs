using System.Text;

namespace ReSim.Testing.Compose.Loading.Interpolation;

/// <summary>The escapes of a double-quoted env file value, as compose-go expands them (shell <c>echo</c> style).</summary>
/// <remarks>
/// <c>\a \b \c \f \n \r \t \v \\ \"</c> become their character, <c>\$</c> a literal <c>$</c> (written <c>$$</c> for the
/// interpolation that follows), <c>\0NNN</c> the octal byte NNN; any other backslash stays, so <c>C:\Users</c> keeps it.
/// </remarks>
internal static class DotEnvEscapes
{
    public static string Expand(string value)
    {
        if (!value.Contains('\\', StringComparison.Ordinal))
        {
            return value;
        }

        var output = new StringBuilder(value.Length);
        var i = 0;
        while (i < value.Length)
        {
            if (value[i] != '\\' || i + 1 >= value.Length)
            {
                output.Append(value[i++]);
                continue;
            }

            var next = value[i + 1];
            switch (next)
            {
                case '0':
                    i = Octal(value, i, output);
                    continue;
                case '$':
                    output.Append("$$");
                    break;
                case 'a' or 'b' or 'c' or 'f' or 'n' or 'r' or 't' or 'v' or '"' or '\\':
                    // Go's UnquoteChar knows no `\c`: it is left as written.
                    output.Append(next switch { 'a' => "\a", 'b' => "\b", 'f' => "\f", 'n' => "\n", 'r' => "\r", 't' => "\t", 'v' => "\v", 'c' => "\\c", var c => c.ToString() });
                    break;
                default:
                    output.Append('\\');
                    i++;
                    continue;
            }

            i += 2;
        }

        return output.ToString();
    }

    private static int Octal(string value, int at, StringBuilder output)
    {
        var digits = 0;
        while (digits < 3 && at + 2 + digits < value.Length && char.IsAsciiDigit(value[at + 2 + digits]))
        {
            digits++;
        }

        var number = value.AsSpan(at + 2, digits);
        if (digits == 3 && !number.ContainsAnyExceptInRange('0', '7') && ((number[0] - '0') << 6 | (number[1] - '0') << 3 | (number[2] - '0')) is var code and <= 255)
        {
            output.Append((char)code);
        }
        else
        {
            output.Append('\\').Append(number);
        }

        return at + 2 + digits;
    }
}
