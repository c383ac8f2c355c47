"""Charts of a page's figures: ``ChartView`` and the parts it is made of.

Importing this package imports pyqtgraph (slow): only chart pages do, and only when first needed.
"""

from kiosk.ui.chart.view import ChartView

__all__ = ["ChartView"]
