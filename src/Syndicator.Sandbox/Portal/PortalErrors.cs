namespace Syndicator.Sandbox.Portal;

/// <summary>
/// The receive interface's error codes, after the <c>errorcode</c> values of Hanweb's web services (reference
/// gov-cms-protocols §2.2 [H9]). Every error is answered HTTP 200 with the code in the XML reply, as JSP interfaces do.
/// </summary>
internal static class PortalErrors
{
    public const string Success = "0";

    /// <summary>Other error.</summary>
    public const string Other = "A00";

    /// <summary>The user does not exist (or no credentials were sent).</summary>
    public const string UnknownUser = "A01";

    /// <summary>Wrong password.</summary>
    public const string WrongPassword = "A02";

    /// <summary>A parameter is missing or bad: the message names it.</summary>
    public const string BadParameter = "A03";

    /// <summary>No such information: the article id is unknown (or deleted, for an update).</summary>
    public const string NoSuchArticle = "A04";

    /// <summary>The document is not well-formed XML, or not the <c>main</c> envelope.</summary>
    public const string BadFormat = "A06";

    /// <summary>An attachment could not be read (not base64, no name).</summary>
    public const string BadAttachment = "A07";
}
