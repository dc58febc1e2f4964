// The pages' one script of their own (the Content-Security-Policy allows no inline script).
// htmx sends its requests with the page's CSRF token, read from <meta name="_csrf"> when a page has one.
document.addEventListener("htmx:configRequest", function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});
