// The namespaces nearly every feature file uses: the mediator, Marten, MVC and its authorization,
// input validation, and the app's policies.
global using DigitaleHilfe.Web.Infrastructure.Auth;
global using FluentValidation;
global using Marten;
global using Mediator;
global using Microsoft.AspNetCore.Authorization;
global using Microsoft.AspNetCore.Mvc;
