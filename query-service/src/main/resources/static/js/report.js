/* The ROI report's Print button (no inline script on the page). */
document.querySelectorAll('[data-print]').forEach((button) => button.addEventListener('click', () => window.print()));
